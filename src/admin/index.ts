/** Making admins from the command line: the first admin of an installation starts here. */
export { createAdmin } from './create-admin';
