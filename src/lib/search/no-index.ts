/**
 * The header with which `npm run dev` answers a search file it does not have, because no build
 * has made an index yet (src/integrations/dev-search.ts): the search page then says to run one.
 */
export const NO_DEV_INDEX = 'x-lectern-no-index';
