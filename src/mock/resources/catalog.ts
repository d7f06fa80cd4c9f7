/** `GET /catalog`: the fixed price list. */
import { catalog } from '../data.js';
import { json } from '../http.js';
import type { Route } from '../router.js';

export function catalogRoutes(): Route[] {
  return [{ path: '/catalog', methods: { GET: () => json(catalog) } }];
}
