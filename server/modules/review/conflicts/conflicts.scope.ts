/** What one load of the conflict engine covers (conflicts.data.ts). */
export interface LoadScope {
  /** One application of the call, whatever its state (explain); default: the call's in_review ones. */
  applicationId?: string;
  /** One expert, active or not (explain); default: every active expert. */
  expertId?: string;
}
