/** English: staff. */
export const staff = {};
