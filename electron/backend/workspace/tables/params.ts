// Row types of migration 0014's named parameter sets. params is JSON: shared/params/param-set.ts.

export interface ParamSetTable {
  name: string;
  params: string;
  created_at: string;
  updated_at: string;
}

export interface ParamTables {
  param_set: ParamSetTable;
}
