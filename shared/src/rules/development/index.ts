/**
 * 发展党员 rules (docs/DOMAIN.md 发展党员; 《中国共产党发展党员工作细则》): the date and vote entry points, the
 * procedure as data, the profile section's schema and the record checker.
 */
export * from './rule'
export * from './dates'
export * from './procedure'
export * from './check'
