// placeholder: replaced by the local-stack work
export default async function globalSetup(): Promise<void> {}
