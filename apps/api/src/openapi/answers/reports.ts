import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of the financing and network reports, by operation and status. */
export const REPORT_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "GET /hubs/{hubId}/reports/financing": {"200": {"$ref": "#/components/schemas/FinancingReport"}},
  "GET /reports/network": {
    "200": {
      "type": "object",
      "properties": {
        "asOf": {"type": "string"},
        "hubs": {"type": "array", "items": {"$ref": "#/components/schemas/FinancingReport"}},
        "totals": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "hubs": {"type": "integer"},
              "currency": {"type": "string"},
              "asOf": {"type": "string"},
              "period": {
                "type": "object",
                "properties": {"from": {"type": "string", "nullable": true}, "to": {"type": "string"}},
                "required": ["from", "to"]
              },
              "contributions": {"$ref": "#/components/schemas/ReportContributions"},
              "pool": {"$ref": "#/components/schemas/ReportPool"},
              "things": {
                "type": "object",
                "properties": {
                  "loansMade": {"type": "integer"},
                  "onLoan": {"type": "integer"},
                  "overdue": {"type": "integer"},
                  "inRepair": {"type": "integer"}
                },
                "required": ["loansMade", "onLoan", "overdue", "inRepair"]
              },
              "funds": {
                "type": "object",
                "properties": {"general": {"type": "string"}, "aid": {"type": "string"}},
                "required": ["general", "aid"]
              },
              "corrections": {"type": "integer"},
              "aid": {"$ref": "#/components/schemas/ReportAid"},
              "timeBank": {
                "type": "object",
                "properties": {
                  "hoursExchanged": {"type": "string"},
                  "activeMembers": {"type": "integer"},
                  "membersAtOrNearLimit": {"type": "integer"},
                  "hubAccountBalance": {"type": "string"}
                },
                "required": ["hoursExchanged", "activeMembers", "membersAtOrNearLimit", "hubAccountBalance"]
              }
            },
            "required": [
              "hubs",
              "currency",
              "asOf",
              "period",
              "contributions",
              "pool",
              "things",
              "funds",
              "corrections",
              "aid",
              "timeBank"
            ]
          }
        }
      },
      "required": ["asOf", "hubs", "totals"]
    }
  }
};
