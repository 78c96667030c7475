/** Environment flag set by mocks.ts while the program runs under Pulumi's mocks (bundles are not read then). */
export const MOCKS_ENV_FLAG = 'WSPUSH_PULUMI_MOCKS';
