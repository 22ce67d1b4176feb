// placeholder: replaced by the local-stack work
export default async function globalTeardown(): Promise<void> {}
