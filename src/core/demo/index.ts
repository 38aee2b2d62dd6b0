export * from './rng.ts';
export { personName, mobile } from './names.ts';
export * from './enterprises.ts';
export { demoDepartments, demoDepartmentsFor, demoInspectors, MAIN_LINES, type DemoDepartment, type DemoInspector, type DemoInspectorOptions } from './departments.ts';
