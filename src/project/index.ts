// Node-side entry: everything about project files. The renderer may import `./project`
// (pure) directly; `./store` and `./recent` use the file system.
export * from './project';
export * from './store';
export * from './recent';
