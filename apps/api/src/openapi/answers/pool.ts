import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of the savings pool and its loans, by operation and status. */
export const POOL_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "GET /hubs/{hubId}/pool/loans/{loanId}": {"200": {"$ref": "#/components/schemas/Loan"}},
  "GET /hubs/{hubId}/pool/loans": {
    "200": {
      "type": "object",
      "properties": {
        "loans": {"type": "array", "items": {"$ref": "#/components/schemas/Loan"}},
        "next": {"type": "string", "nullable": true}
      },
      "required": ["loans", "next"]
    }
  },
  "GET /hubs/{hubId}/pool": {
    "200": {
      "type": "object",
      "properties": {
        "currency": {"type": "string"},
        "asOf": {"type": "string"},
        "savings": {"type": "string"},
        "cash": {"type": "string"},
        "reserve": {"type": "string"},
        "available": {"type": "string"},
        "loans": {
          "type": "object",
          "properties": {
            "active": {"type": "integer"},
            "outstanding": {"type": "string"},
            "arrears": {"type": "string"},
            "portfolioAtRisk30": {"type": "string"},
            "disbursed": {"type": "string"},
            "repaidPrincipal": {"type": "string"},
            "interestReceived": {"type": "string"},
            "writtenOff": {"type": "string"}
          },
          "required": [
            "active",
            "outstanding",
            "arrears",
            "portfolioAtRisk30",
            "disbursed",
            "repaidPrincipal",
            "interestReceived",
            "writtenOff"
          ]
        }
      },
      "required": ["currency", "asOf", "savings", "cash", "reserve", "available", "loans"]
    }
  },
  "POST /hubs/{hubId}/pool/deposits": {
    "201": {
      "type": "object",
      "properties": {"memberId": {"type": "string"}, "savings": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["memberId", "savings", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/approvals": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {"type": "string"},
        "status": {"type": "string"},
        "approvals": {"type": "integer"},
        "position": {"type": "integer"}
      },
      "required": ["loanId", "status", "approvals", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/cancellation": {
    "201": {
      "type": "object",
      "properties": {"loanId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["loanId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/disbursement": {
    "201": {
      "type": "object",
      "properties": {"loanId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["loanId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/rejections": {
    "201": {
      "type": "object",
      "properties": {"loanId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["loanId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/repayments": {
    "201": {
      "type": "object",
      "properties": {
        "loanId": {"type": "string"},
        "status": {"type": "string"},
        "interest": {"type": "string"},
        "principal": {"type": "string"},
        "outstanding": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["loanId", "status", "interest", "principal", "outstanding", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/loans": {
    "201": {
      "type": "object",
      "properties": {"loanId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["loanId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/withdrawals": {
    "201": {
      "type": "object",
      "properties": {"memberId": {"type": "string"}, "savings": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["memberId", "savings", "position"]
    }
  },
  "POST /hubs/{hubId}/pool/loans/{loanId}/write-off-votes": {
    "201": {
      "type": "object",
      "properties": {"loanId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["loanId", "status", "position"]
    }
  }
};
