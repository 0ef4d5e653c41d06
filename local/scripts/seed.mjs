// `npm run seed [-- --reset]`: (re)create the demo data in .data/ (stop `npm start` first).
import { createRequire } from 'node:module'
import { bundleHost } from './bundle-host.mjs'

const hostFile = await bundleHost()
const require = createRequire(import.meta.url)
await require(hostFile).reseed(process.argv.includes('--reset'))
console.log('演示数据已就绪')
