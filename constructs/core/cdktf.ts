// The only module that imports `cdktf`. Moving to CDK Terrain (cdktn) is a rename here.
export {
  Annotations,
  App,
  Aspects,
  Fn,
  LocalBackend,
  S3Backend,
  TerraformIterator,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect, ITerraformDependable, S3BackendConfig, TerraformMetaArguments } from 'cdktf';
