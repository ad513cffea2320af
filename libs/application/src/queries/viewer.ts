/** Who is reading: a member (null for the admin), and whether their roles let them see every member's records. */
export interface Viewer {
  memberId: string | null;
  seesAll: boolean;
}
