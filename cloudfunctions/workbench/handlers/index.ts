/** Every workbench action's handler. */
export { dashboard } from './dashboard'
export { overview } from './overview'
export { listTalks, recordTalk, removeTalk } from './talks'
export { listStudy, recordStudy, removeStudy } from './study'
export { assessment, scoreItem, uploadAttachment } from './assessment'
export { exportLedger } from './export-ledger'
