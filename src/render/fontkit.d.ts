/** fontkit ships no types; the chart rasteriser narrows what it uses itself. */
declare module 'fontkit';
