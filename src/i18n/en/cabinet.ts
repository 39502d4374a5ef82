/** English: the personal cabinet. */
export const cabinet = {};
