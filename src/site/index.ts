/** The public site: the home page, the cookie list and the language switcher. */
export { siteRoutes } from './pages';
