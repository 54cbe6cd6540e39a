/** A content problem and how it is written out: shared by the checker and the app's content error page. */
/** One problem, named by the file and the JSON path inside it. */
export interface ContentIssue {
  file: string;
  /** JSON path, like `$.stops[2].hotspots[0].yaw`; `$` is the whole file. */
  path: string;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}: ${issue.path}: ${issue.message}`;
}
