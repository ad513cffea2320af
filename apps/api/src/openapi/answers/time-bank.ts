import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of hours: payments, requests, balances, statements and reversals, by operation and status. */
export const TIME_BANK_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "GET /hubs/{hubId}/members/{memberId}/balance": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {"type": "string"},
        "hours": {
          "type": "object",
          "properties": {
            "balance": {"type": "string"},
            "creditLimit": {"type": "string"},
            "available": {"type": "string"},
            "nearLimit": {"type": "boolean"}
          },
          "required": ["balance", "creditLimit", "available", "nearLimit"]
        },
        "savings": {"type": "object", "properties": {"balance": {"type": "string"}}, "required": ["balance"]},
        "loans": {"type": "object", "properties": {"outstanding": {"type": "string"}}, "required": ["outstanding"]},
        "asOf": {"type": "string"}
      },
      "required": ["memberId", "hours", "savings", "loans"]
    }
  },
  "GET /hubs/{hubId}/members/{memberId}/statement": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {"type": "string"},
        "account": {"type": "string"},
        "entries": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "position": {"type": "integer"},
              "at": {"type": "string"},
              "type": {"type": "string"},
              "counterparty": {"type": "string", "nullable": true},
              "counterpartyName": {"type": "string", "nullable": true},
              "memo": {"type": "string"},
              "reference": {"type": "string", "nullable": true},
              "balance": {"type": "string"},
              "amount": {"type": "string"},
              "reversedBy": {
                "type": "object",
                "properties": {"reversalId": {"type": "string"}, "position": {"type": "integer"}},
                "required": ["reversalId", "position"],
                "nullable": true
              },
              "reverses": {
                "type": "object",
                "properties": {"reversalId": {"type": "string"}, "position": {"type": "integer"}},
                "required": ["reversalId", "position"],
                "nullable": true
              },
              "category": {
                "type": "object",
                "properties": {"categoryId": {"type": "string"}, "name": {"type": "string"}},
                "required": ["categoryId", "name"],
                "nullable": true
              },
              "listing": {
                "type": "object",
                "properties": {"listingId": {"type": "string"}, "title": {"type": "string"}},
                "required": ["listingId", "title"],
                "nullable": true
              }
            },
            "required": [
              "position",
              "at",
              "type",
              "counterparty",
              "counterpartyName",
              "memo",
              "reference",
              "balance",
              "amount",
              "reversedBy",
              "reverses",
              "category",
              "listing"
            ]
          }
        },
        "next": {"type": "integer", "nullable": true}
      },
      "required": ["memberId", "account", "entries", "next"]
    }
  },
  "GET /hubs/{hubId}/reversals": {
    "200": {
      "type": "object",
      "properties": {
        "reversals": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "reversalId": {"type": "string"},
              "status": {"type": "string"},
              "original": {
                "type": "object",
                "properties": {"position": {"type": "integer"}, "type": {"type": "string"}},
                "required": ["position", "type"]
              },
              "amount": {"type": "string"},
              "unit": {"type": "string"},
              "parties": {"type": "array", "items": {"type": "string"}},
              "mayDecide": {
                "type": "object",
                "properties": {
                  "member": {"type": "string", "nullable": true},
                  "role": {"type": "string"},
                  "never": {"type": "array", "items": {"type": "string"}}
                },
                "required": ["member", "role", "never"]
              },
              "proposedBy": {"type": "string"},
              "reason": {"type": "string"},
              "proposedAt": {"type": "string"},
              "decidedBy": {"type": "string", "nullable": true},
              "decidedAt": {"type": "string", "nullable": true},
              "decisionNote": {"type": "string", "nullable": true},
              "appliedPosition": {"type": "integer", "nullable": true},
              "position": {"type": "integer"},
              "names": {
                "type": "object",
                "properties": {
                  "ann": {"type": "string"},
                  "ben": {"type": "string"},
                  "bob": {"type": "string"},
                  "cal": {"type": "string"},
                  "tom": {"type": "string"},
                  "ruth": {"type": "string"},
                  "v6": {"type": "string"},
                  "v7": {"type": "string"}
                }
              }
            },
            "required": [
              "reversalId",
              "status",
              "original",
              "amount",
              "unit",
              "parties",
              "mayDecide",
              "proposedBy",
              "reason",
              "proposedAt",
              "decidedBy",
              "decidedAt",
              "decisionNote",
              "appliedPosition",
              "position",
              "names"
            ]
          }
        },
        "next": {"type": "string", "nullable": true}
      },
      "required": ["reversals", "next"]
    }
  },
  "GET /hubs/{hubId}/timebank/requests": {
    "200": {
      "type": "object",
      "properties": {
        "requests": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "requestId": {"type": "string"},
              "fromMemberId": {"type": "string"},
              "fromName": {"type": "string"},
              "toMemberId": {"type": "string"},
              "toName": {"type": "string"},
              "hours": {"type": "string"},
              "memo": {"type": "string"},
              "categoryId": {"type": "string", "nullable": true},
              "listingId": {"type": "string", "nullable": true},
              "status": {"type": "string"},
              "requestedBy": {"type": "string"},
              "requestedAt": {"type": "string"},
              "decidedBy": {"type": "string", "nullable": true},
              "decidedAt": {"type": "string", "nullable": true},
              "transferId": {"type": "string", "nullable": true},
              "reason": {"type": "string", "nullable": true},
              "position": {"type": "integer"}
            },
            "required": [
              "requestId",
              "fromMemberId",
              "fromName",
              "toMemberId",
              "toName",
              "hours",
              "memo",
              "categoryId",
              "listingId",
              "status",
              "requestedBy",
              "requestedAt",
              "decidedBy",
              "decidedAt",
              "transferId",
              "reason",
              "position"
            ]
          }
        },
        "next": {"type": "string", "nullable": true}
      },
      "required": ["requests", "next"]
    }
  },
  "POST /hubs/{hubId}/reversals/{reversalId}/confirmation": {
    "201": {
      "type": "object",
      "properties": {"reversalId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["reversalId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/reversals/{reversalId}/rejection": {
    "201": {
      "type": "object",
      "properties": {"reversalId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["reversalId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/reversals": {
    "201": {
      "type": "object",
      "properties": {"reversalId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["reversalId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/timebank/group-transfers": {
    "201": {
      "type": "object",
      "properties": {
        "groupId": {"type": "string"},
        "payments": {"type": "integer"},
        "position": {"type": "integer"},
        "warnings": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            "required": ["code", "message"]
          }
        }
      },
      "required": ["groupId", "payments", "position"]
    }
  },
  "POST /hubs/{hubId}/timebank/requests/{requestId}/acceptance": {
    "201": {
      "type": "object",
      "properties": {
        "requestId": {"type": "string"},
        "status": {"type": "string"},
        "transferId": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["requestId", "status", "transferId", "position"]
    }
  },
  "POST /hubs/{hubId}/timebank/requests/{requestId}/cancellation": {
    "201": {
      "type": "object",
      "properties": {"requestId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["requestId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/timebank/requests/{requestId}/rejection": {
    "201": {
      "type": "object",
      "properties": {"requestId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["requestId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/timebank/requests": {
    "201": {
      "type": "object",
      "properties": {"requestId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["requestId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/timebank/transfers": {
    "201": {
      "type": "object",
      "properties": {
        "transferId": {"type": "string"},
        "position": {"type": "integer"},
        "warnings": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            "required": ["code", "message"]
          }
        }
      },
      "required": ["transferId", "position"]
    }
  }
};
