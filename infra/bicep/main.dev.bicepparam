// Development environment. No secrets here: identity-provider addresses come from the environment
// (infra/deploy.sh checks them), secrets go into Key Vault with az keyvault secret set.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param location = readEnvironmentVariable('AZURE_LOCATION', 'southeastasia')

var entraTenantId = readEnvironmentVariable('ENTRA_TENANT_ID')

param citizens = {
  authority: readEnvironmentVariable('VNEID_AUTHORITY')
  issuer: readEnvironmentVariable('VNEID_ISSUER')
  audience: readEnvironmentVariable('VNEID_AUDIENCE')
  subjectClaim: 'sub'
  nameClaim: 'name'
  idNumberClaim: readEnvironmentVariable('VNEID_ID_NUMBER_CLAIM', '')
}

param officers = {
  authority: 'https://login.microsoftonline.com/${entraTenantId}/v2.0'
  issuer: 'https://login.microsoftonline.com/${entraTenantId}/v2.0'
  audience: readEnvironmentVariable('ENTRA_API_AUDIENCE')
  subjectClaim: 'sub'
  nameClaim: 'name'
  rolesClaim: 'roles'
  agencyClaim: 'agency'
}

param storageSkuName = 'Standard_LRS'
param blobRetentionDays = 7
param logRetentionInDays = 30
param keyVaultPurgeProtection = false
param keyVaultSoftDeleteDays = 7
param instanceMemoryMB = 2048
param maximumInstanceCount = 40
param alwaysReadyHttpInstances = 1
