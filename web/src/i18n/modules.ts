/**
 * The page groups' message catalogues (one `pages/<group>/messages.ts` each, made with defineMessages), merged over
 * the shared catalogue. A new page group adds one import and one entry here. Keys are prefixed with the group
 * (`hazards.…`) so catalogues never collide.
 */
export const MODULE_MESSAGES = [] as const;
