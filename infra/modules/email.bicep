// Azure Communication Services with an Email Communication Service and its Azure-managed domain
// (<guid>.azurecomm.net, no DNS to set up), linked so the app can send as DoNotReply@ that domain.

param communicationServiceName string
param emailServiceName string
param tags object

@description('Where ACS keeps its data at rest; the Communication Service and the Email service must agree.')
param dataLocation string

@description('The app identity, allowed to send through the Communication Service.')
param identityName string

// "Communication and Email Service Owner": the built-in role that allows emails:send with an Entra ID token.
// Scoped to this one Communication Service, not the resource group.
var communicationAndEmailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    // Deadline emails carry no tracking pixels or rewritten links.
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      managedDomain.id
    ]
  }
}

resource appCanSend 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, identity.id, communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationAndEmailServiceOwner)
  }
}

output communicationServiceName string = communicationService.name
output emailServiceName string = emailService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'
