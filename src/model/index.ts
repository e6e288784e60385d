export * from './article';
export * from './findings';
export * from './briefing';
export * from './review';
export * from './result';
export * from './project';
