import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of contributions, the funds, mutual aid and projects, by operation and status. */
export const FUNDS_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "GET /hubs/{hubId}/aid/requests/{requestId}": {"200": {"$ref": "#/components/schemas/AidRequest"}},
  "GET /hubs/{hubId}/aid/requests": {
    "200": {
      "type": "object",
      "properties": {
        "requests": {"type": "array", "items": {"$ref": "#/components/schemas/AidRequest"}},
        "next": {"type": "string", "nullable": true}
      },
      "required": ["requests", "next"]
    }
  },
  "GET /hubs/{hubId}/projects/{projectId}": {
    "200": {
      "type": "object",
      "properties": {
        "hubId": {"type": "string"},
        "currency": {"type": "string"},
        "asOf": {"type": "string"},
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
        "phases": {"type": "array", "items": {"$ref": "#/components/schemas/ProjectPhase"}},
        "createdBy": {"type": "string"},
        "createdAt": {"type": "string"}
      },
      "required": [
        "hubId",
        "currency",
        "asOf",
        "projectId",
        "name",
        "budget",
        "financed",
        "spent",
        "remaining",
        "unfinanced",
        "owed",
        "phases",
        "createdBy",
        "createdAt"
      ]
    }
  },
  "POST /hubs/{hubId}/aid/requests/{requestId}/payment": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {"type": "string"},
        "amount": {"type": "string"},
        "status": {"type": "string"},
        "aidFund": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["requestId", "amount", "status", "aidFund", "position"]
    }
  },
  "POST /hubs/{hubId}/aid/requests/{requestId}/withdrawal": {
    "201": {
      "type": "object",
      "properties": {"requestId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["requestId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/aid/requests": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {"type": "string"},
        "memberId": {"type": "string"},
        "amount": {"type": "string"},
        "status": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["requestId", "memberId", "amount", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/contributions": {
    "201": {
      "type": "object",
      "properties": {"contributionId": {"type": "string"}, "kind": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["contributionId", "kind", "position"]
    }
  },
  "POST /hubs/{hubId}/funds/transfers": {
    "201": {
      "type": "object",
      "properties": {
        "transferId": {"type": "string"},
        "general": {"type": "string"},
        "aid": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["transferId", "general", "aid", "position"]
    }
  },
  "POST /hubs/{hubId}/projects/{projectId}/financing/{financingId}/repayments": {
    "201": {
      "type": "object",
      "properties": {
        "financingId": {"type": "string"},
        "projectId": {"type": "string"},
        "owed": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["financingId", "projectId", "owed", "position"]
    }
  },
  "POST /hubs/{hubId}/projects/{projectId}/financing": {
    "201": {
      "type": "object",
      "properties": {
        "financingId": {"type": "string"},
        "projectId": {"type": "string"},
        "owed": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["financingId", "projectId", "owed", "position"]
    }
  },
  "POST /hubs/{hubId}/projects/{projectId}/spending": {
    "201": {
      "type": "object",
      "properties": {
        "spendingId": {"type": "string"},
        "projectId": {"type": "string"},
        "phase": {"type": "string"},
        "amount": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["spendingId", "projectId", "phase", "amount", "position"]
    }
  },
  "POST /hubs/{hubId}/projects": {
    "201": {
      "type": "object",
      "properties": {"projectId": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["projectId", "position"]
    }
  }
};
