/**
 * Limits shared by server and client: the server enforces them, the client
 * shows them before a request would be refused.
 */
export const LIMITS = {
  /** JSON request bodies. */
  jsonBodyBytes: 256 * 1024,
  loginChars: 40,
  displayNameChars: 80,
  bylineChars: 120,
  passwordMinChars: 10,
  passwordMaxChars: 200,
  titleChars: 200,
  sectionChars: 60,
  collectiveNameChars: 80,
  /** One WebSocket frame of the collaboration protocol. */
  collabFrameBytes: 2 * 1024 * 1024,
  /** Failed logins per login name (and per address) within the window below. */
  loginFailuresPerWindow: 10,
  /** Higher than per login: several people may share one address (an office, a proxy). */
  loginFailuresPerAddressPerWindow: 50,
  loginWindowMs: 15 * 60 * 1000,
  sessionDays: 30,
  accessLinkDays: 7,
} as const;
