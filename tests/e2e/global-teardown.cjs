module.exports = async () => {
  const child = globalThis.__ZHIBU_STACK__
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
  }
}
