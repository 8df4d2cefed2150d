// Shared user-defined types (AVM style): the shapes of the identity and Durable Task settings.

@export()
@description('One OpenID Connect identity provider as the app\'s AuthOptions.IssuerOptions reads it.')
type issuerSettings = {
  @description('OpenID Connect authority; metadata is at {authority}/.well-known/openid-configuration.')
  authority: string

  @description('Expected iss claim.')
  issuer: string

  @description('Expected aud claim (the API\'s application ID URI or client id).')
  audience: string

  @description('Claim holding the stable subject identifier.')
  subjectClaim: string

  @description('Claim holding the display name.')
  nameClaim: string

  @description('Citizens: claim holding the CCCD number, if the provider sends one.')
  idNumberClaim: string?

  @description('Officers: claim listing app roles (Entra ID: roles).')
  rolesClaim: string?

  @description('Officers: claim holding the agency code.')
  agencyClaim: string?
}

@export()
@description('Durable Task Framework (Azure Storage provider) task hub settings.')
type durableTaskSettings = {
  @description('Task hub name (3-45 letters and digits, starting with a letter); its queues, tables and lease blobs are named from it.')
  @minLength(3)
  @maxLength(45)
  taskHubName: string

  @description('Control-queue partitions (1-16); fixed once the task hub exists.')
  @minValue(1)
  @maxValue(16)
  partitionCount: int
}
