// Application Insights on a Log Analytics workspace. The app connects by connection string only
// (APPLICATIONINSIGHTS_CONNECTION_STRING); instrumentation-key settings are retired.

param workspaceName string
param applicationInsightsName string

@description('Azure region.')
param location string

param tags object

@description('Days the workspace keeps logs; 30 is the free retention.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output workspaceName string = workspace.name
output applicationInsightsName string = applicationInsights.name
