// The one identity the Function App runs as. User-assigned, so its roles exist before the app does:
// the host reads its storage and its Key Vault references from the first start, with no race.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
