export * from "./auth";
export * from "./workspaces";
export * from "./scenes";
export * from "./products";
export * from "./renders";
export * from "./billing";
export * from "./templates";
export * from "./viewers";
