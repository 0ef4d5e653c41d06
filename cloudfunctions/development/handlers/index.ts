/** The 发展党员 handlers, one per contract action. */
export { listPipeline } from './list-pipeline'
export { getRecord } from './get-record'
export { createRecord } from './create-record'
export { recordStep } from './record-step'
export { checkStep } from './check-step'
export { uploadMaterial } from './upload-material'
