export interface PrintableAccount {
  organisation: string;
  role: string;
  email: string;
  password: string;
}

/**
 * The one-time listing of the demo accounts a first start created. Passwords are stored only as
 * hashes, so this is the only place they are ever shown. One account per line: role, e-mail,
 * password, organisation.
 */
export function formatDemoAccounts(accounts: readonly PrintableAccount[]): string {
  const width = (pick: (a: PrintableAccount) => string, title: string) => Math.max(title.length, ...accounts.map((a) => pick(a).length));
  const roleWidth = width((a) => a.role, 'role');
  const emailWidth = width((a) => a.email, 'email');
  const passwordWidth = width((a) => a.password, 'password');
  const line = (role: string, email: string, password: string, organisation: string) =>
    `  ${role.padEnd(roleWidth)}   ${email.padEnd(emailWidth)}   ${password.padEnd(passwordWidth)}   ${organisation}`.trimEnd();
  return (
    [
      '',
      'Demo accounts (created now; their passwords will not be shown again, note them):',
      line('role', 'email', 'password', 'organisation'),
      ...accounts.map((a) => line(a.role, a.email, a.password, a.organisation)),
      '',
    ].join('\n') + '\n'
  );
}
