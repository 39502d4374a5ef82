/** English: privacy. */
export const privacy = {};
