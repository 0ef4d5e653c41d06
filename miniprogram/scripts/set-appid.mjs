// Writes TARO_APP_ID from miniprogram/.env (or .env.local / the environment) into the root
// project.config.json so WeChat DevTools opens the project with the right AppID ("touristappid" if unset).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const appDir = path.resolve(here, '..')
const configPath = path.resolve(appDir, '..', 'project.config.json')

function readEnvFile(file) {
  if (!fs.existsSync(file)) return {}
  const out = {}
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*"?([^"#]*?)"?\s*(#.*)?$/.exec(line)
    if (m) out[m[1]] = m[2]
  }
  return out
}

const env = { ...readEnvFile(path.join(appDir, '.env')), ...readEnvFile(path.join(appDir, '.env.local')) }
const appid = process.env.TARO_APP_ID || env.TARO_APP_ID || 'touristappid'
if (!/^(wx[0-9a-f]{16}|touristappid)$/.test(appid)) {
  console.error(`TARO_APP_ID "${appid}" does not look like a WeChat AppID (wx + 16 hex characters).`)
  process.exit(1)
}
const config = JSON.parse(fs.readFileSync(configPath, 'utf8'))
config.appid = appid
fs.writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n')
console.log(`project.config.json: appid = ${appid}`)
