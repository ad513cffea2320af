import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The shapes several answers share, named once (components.schemas of the document). */
export const SHARED_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  "Loan": {
    "type": "object",
    "properties": {
      "loanId": {"type": "string"},
      "borrowerId": {"type": "string"},
      "borrowerName": {"type": "string"},
      "status": {"type": "string"},
      "principal": {"type": "string"},
      "termMonths": {"type": "integer"},
      "annualInterestRate": {"type": "string"},
      "purpose": {"type": "string"},
      "projectId": {"type": "string", "nullable": true},
      "appliedBy": {"type": "string"},
      "appliedAt": {"type": "string"},
      "decidedAt": {"type": "string", "nullable": true},
      "disbursedAt": {"type": "string", "nullable": true},
      "closedAt": {"type": "string", "nullable": true},
      "approvals": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "treasurerId": {"type": "string"},
            "role": {"type": "string"},
            "note": {"type": "string"},
            "at": {"type": "string"}
          },
          "required": ["treasurerId", "role", "note", "at"]
        }
      },
      "rejection": {"type": "string", "nullable": true},
      "cancelledBy": {"type": "string", "nullable": true},
      "writeOffVotes": {"type": "array", "items": {}},
      "schedule": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "dueDate": {"type": "string"},
            "interest": {"type": "string"},
            "number": {"type": "integer"},
            "principal": {"type": "string"},
            "total": {"type": "string"}
          },
          "required": ["dueDate", "interest", "number", "principal", "total"]
        }
      },
      "paid": {
        "type": "object",
        "properties": {"principal": {"type": "string"}, "interest": {"type": "string"}, "total": {"type": "string"}},
        "required": ["principal", "interest", "total"]
      },
      "outstanding": {"type": "string"},
      "writtenOff": {"type": "string"},
      "asOf": {"type": "string"},
      "arrears": {"type": "string"},
      "daysPastDue": {"type": "integer"},
      "position": {"type": "integer"}
    },
    "required": [
      "loanId",
      "borrowerId",
      "borrowerName",
      "status",
      "principal",
      "termMonths",
      "annualInterestRate",
      "purpose",
      "projectId",
      "appliedBy",
      "appliedAt",
      "decidedAt",
      "disbursedAt",
      "closedAt",
      "approvals",
      "rejection",
      "cancelledBy",
      "writeOffVotes",
      "schedule",
      "paid",
      "outstanding",
      "writtenOff",
      "asOf",
      "arrears",
      "daysPastDue",
      "position"
    ]
  },
  "Listing": {
    "type": "object",
    "properties": {
      "listingId": {"type": "string"},
      "memberId": {"type": "string"},
      "displayName": {"type": "string"},
      "kind": {"type": "string"},
      "title": {"type": "string"},
      "description": {"type": "string"},
      "categoryId": {"type": "string"},
      "categoryName": {"type": "string"},
      "hours": {"type": "string", "nullable": true},
      "hoursExchanged": {"type": "string"},
      "status": {"type": "string"},
      "postedAt": {"type": "string"},
      "expiresAt": {"type": "string"},
      "position": {"type": "integer"}
    },
    "required": [
      "listingId",
      "memberId",
      "displayName",
      "kind",
      "title",
      "description",
      "categoryId",
      "categoryName",
      "hours",
      "hoursExchanged",
      "status",
      "postedAt",
      "expiresAt",
      "position"
    ]
  },
  "AidRequest": {
    "type": "object",
    "properties": {
      "requestId": {"type": "string"},
      "memberId": {"type": "string"},
      "memberName": {"type": "string"},
      "amount": {"type": "string"},
      "status": {"type": "string"},
      "requestedBy": {"type": "string"},
      "requestedAt": {"type": "string"},
      "paidBy": {"type": "string", "nullable": true},
      "paidByName": {"type": "string", "nullable": true},
      "closedAt": {"type": "string", "nullable": true},
      "position": {"type": "integer"},
      "need": {"type": "string", "nullable": true}
    },
    "required": [
      "requestId",
      "memberId",
      "memberName",
      "amount",
      "status",
      "requestedBy",
      "requestedAt",
      "paidBy",
      "paidByName",
      "closedAt",
      "position"
    ]
  },
  "ProjectPhase": {
    "type": "object",
    "properties": {
      "name": {"type": "string"},
      "budget": {"type": "string"},
      "financed": {
        "type": "object",
        "properties": {
          "poolLoans": {"type": "string"},
          "contributions": {"type": "string"},
          "creditUnion": {"type": "string"},
          "grant": {"type": "string"},
          "other": {"type": "string"},
          "total": {"type": "string"}
        },
        "required": ["poolLoans", "contributions", "creditUnion", "grant", "other", "total"]
      },
      "spent": {"type": "string"},
      "remaining": {"type": "string"}
    },
    "required": ["name", "budget", "financed", "spent", "remaining"]
  },
  "ReportTimeBank": {
    "type": "object",
    "properties": {
      "hoursExchanged": {"type": "string"},
      "hoursByCategory": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "categoryId": {"type": "string", "nullable": true},
            "name": {"type": "string", "nullable": true},
            "hours": {"type": "string"}
          },
          "required": ["categoryId", "name", "hours"]
        }
      },
      "activeMembers": {"type": "integer"},
      "membersAtOrNearLimit": {"type": "integer"},
      "hubAccountBalance": {"type": "string"}
    },
    "required": ["hoursExchanged", "hoursByCategory", "activeMembers", "membersAtOrNearLimit", "hubAccountBalance"]
  },
  "ReportAid": {
    "type": "object",
    "properties": {
      "contributed": {"type": "string"},
      "requested": {
        "type": "object",
        "properties": {"count": {"type": "integer"}, "total": {"type": "string"}},
        "required": ["count", "total"]
      },
      "paid": {
        "type": "object",
        "properties": {"count": {"type": "integer"}, "total": {"type": "string"}},
        "required": ["count", "total"]
      },
      "open": {
        "type": "object",
        "properties": {"count": {"type": "integer"}, "total": {"type": "string"}},
        "required": ["count", "total"]
      }
    },
    "required": ["contributed", "requested", "paid", "open"]
  },
  "ReportPool": {
    "type": "object",
    "properties": {
      "savings": {"type": "string"},
      "cash": {"type": "string"},
      "reserve": {"type": "string"},
      "loansOutstanding": {"type": "string"},
      "arrears": {"type": "string"},
      "portfolioAtRisk30": {"type": "string"},
      "disbursed": {"type": "string"},
      "repaid": {"type": "string"},
      "interestEarned": {"type": "string"},
      "writtenOff": {"type": "string"}
    },
    "required": [
      "savings",
      "cash",
      "reserve",
      "loansOutstanding",
      "arrears",
      "portfolioAtRisk30",
      "disbursed",
      "repaid",
      "interestEarned",
      "writtenOff"
    ]
  },
  "ReportContributions": {
    "type": "object",
    "properties": {
      "money": {
        "type": "object",
        "properties": {"count": {"type": "integer"}, "total": {"type": "string"}},
        "required": ["count", "total"]
      },
      "inKind": {
        "type": "object",
        "properties": {"count": {"type": "integer"}, "estimatedValue": {"type": "string"}},
        "required": ["count", "estimatedValue"]
      },
      "volunteerHours": {
        "type": "object",
        "properties": {"count": {"type": "integer"}, "hours": {"type": "string"}},
        "required": ["count", "hours"]
      }
    },
    "required": ["money", "inKind", "volunteerHours"]
  },
  "ReportProject": {
    "type": "object",
    "properties": {
      "projectId": {"type": "string"},
      "name": {"type": "string"},
      "budget": {"type": "string"},
      "financed": {
        "type": "object",
        "properties": {
          "poolLoans": {"type": "string"},
          "contributions": {"type": "string"},
          "creditUnion": {"type": "string"},
          "grant": {"type": "string"},
          "other": {"type": "string"},
          "total": {"type": "string"}
        },
        "required": ["poolLoans", "contributions", "creditUnion", "grant", "other", "total"]
      },
      "spent": {"type": "string"},
      "remaining": {"type": "string"},
      "unfinanced": {"type": "string"},
      "owed": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {"lender": {"type": "string"}, "source": {"type": "string"}, "owed": {"type": "string"}},
          "required": ["lender", "source", "owed"]
        }
      },
      "phases": {"type": "array", "items": {"$ref": "#/components/schemas/ProjectPhase"}}
    },
    "required": ["projectId", "name", "budget", "financed", "spent", "remaining", "unfinanced", "owed", "phases"]
  },
  "FinancingReport": {
    "type": "object",
    "properties": {
      "hubId": {"type": "string"},
      "name": {"type": "string"},
      "currency": {"type": "string"},
      "asOf": {"type": "string"},
      "period": {
        "type": "object",
        "properties": {"from": {"type": "string", "nullable": true}, "to": {"type": "string"}},
        "required": ["from", "to"]
      },
      "contributions": {"$ref": "#/components/schemas/ReportContributions"},
      "pool": {"$ref": "#/components/schemas/ReportPool"},
      "loansByProject": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "projectId": {"type": "string", "nullable": true},
            "loans": {"type": "integer"},
            "disbursed": {"type": "string"},
            "outstanding": {"type": "string"}
          },
          "required": ["projectId", "loans", "disbursed", "outstanding"]
        }
      },
      "funds": {
        "type": "object",
        "properties": {"general": {"type": "string"}, "aid": {"type": "string"}},
        "required": ["general", "aid"]
      },
      "aid": {"$ref": "#/components/schemas/ReportAid"},
      "projects": {"type": "array", "items": {"$ref": "#/components/schemas/ReportProject"}},
      "timeBank": {"$ref": "#/components/schemas/ReportTimeBank"},
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
      "corrections": {
        "type": "object",
        "properties": {
          "count": {"type": "integer"},
          "entries": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "position": {"type": "integer"},
                "at": {"type": "string"},
                "reverses": {"type": "integer"},
                "type": {"type": "string"},
                "amount": {"type": "string"},
                "unit": {"type": "string"}
              },
              "required": ["position", "at", "reverses", "type", "amount", "unit"]
            }
          }
        },
        "required": ["count", "entries"]
      }
    },
    "required": [
      "hubId",
      "name",
      "currency",
      "asOf",
      "period",
      "contributions",
      "pool",
      "loansByProject",
      "funds",
      "aid",
      "projects",
      "timeBank",
      "things",
      "corrections"
    ]
  }
};
