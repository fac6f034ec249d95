// The short name an agency's documents are numbered under (上虞区应急管理局 → 上虞应急): the device
// prints provisional numbers with it and the server registers official ones with it, so both
// must shorten alike.

// Longest first, so that 管理局 goes before 局.
const AGENCY_SUFFIXES = ['管理委员会', '管委会', '办事处', '管理局', '分局', '局'];

/**
 * The agency's name as document numbers use it: the district prefix without 区/市 and the body
 * without its suffix (上虞区应急管理局 → 上虞应急). Names that do not fit the pattern are used as
 * they are, which is long but never wrong.
 */
export function agencyShortName(name: string): string {
  let short = name.trim();
  const suffix = AGENCY_SUFFIXES.find((s) => short.endsWith(s) && short.length > s.length);
  if (suffix) short = short.slice(0, -suffix.length);
  // A branch (绍兴市生态环境局上虞分局) issues under its place and its parent's field: 上虞生态环境.
  const branch = short.lastIndexOf('局');
  if (branch >= 0 && branch < short.length - 1) {
    const field = short.slice(0, branch).replace(/^.{2,3}?[省市区县]/u, '');
    short = short.slice(branch + 1) + field;
  }
  short = short.replace(/^(.{2,3}?)[区县市]/u, '$1');
  return short === '' ? name.trim() : short;
}
