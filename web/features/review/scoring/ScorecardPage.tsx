// Replaced by the helper that owns scoring (issue 5): the scorecard of one seat, route /my-reviews/:assignmentId.
export default function ScorecardPage() {
  return null;
}
