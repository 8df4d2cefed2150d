// The one user-assigned managed identity the function app runs as (storage, Service Bus, Key Vault, telemetry).

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource ID of the identity.')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Client (application) ID of the identity, for DefaultAzureCredential and the host settings.')
output clientId string = identity.properties.clientId

@description('Principal (object) ID of the identity, for role assignments.')
output principalId string = identity.properties.principalId
