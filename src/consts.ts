/** The site's name and description, for titles, headers and share previews. */
export const SITE_TITLE = 'Lectern';
export const SITE_DESCRIPTION =
  "The Chinese foreign ministry spokesperson's press remarks, in English and Chinese: read them, search every answer, link to the one you need.";
