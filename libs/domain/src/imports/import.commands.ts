/** One line of members.csv, as written: the rules check every field. */
export interface ImportedMemberLine {
  /** the line number in the file, the header being line 1 */
  line: number;
  memberId: string;
  displayName: string;
  /** roles separated by `;` */
  roles: string;
  contact: string;
  /** the hash of the token made for this member; the token itself is shown once and never stored */
  tokenHash: string;
}

/** One line of balances.csv: the member's opening hours, negative when they owe. */
export interface OpeningBalanceLine {
  line: number;
  memberId: string;
  hours: string;
  transferId: string;
}

export interface ImportTimeBank {
  type: 'ImportTimeBank';
  importId: string;
  members: ImportedMemberLine[];
  balances: OpeningBalanceLine[];
  actorId: string;
  at: string;
}
