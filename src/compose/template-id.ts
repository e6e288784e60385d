/** What a template id may be: the name of its file in the templates folder, without `.json`. */
export const TEMPLATE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
