import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of the tool library, by operation and status. */
export const THING_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "DELETE /hubs/{hubId}/things/{thingId}/holds/{holdId}": {
    "200": {
      "type": "object",
      "properties": {
        "thingId": {"type": "string"},
        "status": {"type": "string"},
        "position": {"type": "integer"},
        "dueAt": {"type": "string"}
      },
      "required": ["thingId", "status", "position"]
    }
  },
  "GET /hubs/{hubId}/members/{memberId}/things": {
    "200": {
      "type": "object",
      "properties": {
        "loans": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {"type": "string"},
              "name": {"type": "string"},
              "loanId": {"type": "string"},
              "lentAt": {"type": "string"},
              "dueAt": {"type": "string"},
              "overdue": {"type": "boolean"},
              "owner": {
                "type": "object",
                "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}},
                "required": ["memberId", "displayName"]
              }
            },
            "required": ["thingId", "name", "loanId", "lentAt", "dueAt", "overdue", "owner"]
          }
        },
        "holds": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {"type": "string"},
              "name": {"type": "string"},
              "holdId": {"type": "string"},
              "place": {"type": "integer"},
              "status": {"type": "string"},
              "turnUntil": {"type": "string", "nullable": true}
            },
            "required": ["thingId", "name", "holdId", "place", "status", "turnUntil"]
          }
        }
      },
      "required": ["loans", "holds"]
    }
  },
  "GET /hubs/{hubId}/things/overdue": {
    "200": {
      "type": "object",
      "properties": {
        "asOf": {"type": "string"},
        "overdue": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {"type": "string"},
              "name": {"type": "string"},
              "loanId": {"type": "string"},
              "borrower": {
                "type": "object",
                "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}},
                "required": ["memberId", "displayName"]
              },
              "lentAt": {"type": "string"},
              "dueAt": {"type": "string"},
              "daysOverdue": {"type": "integer"}
            },
            "required": ["thingId", "name", "loanId", "borrower", "lentAt", "dueAt", "daysOverdue"]
          }
        }
      },
      "required": ["asOf", "overdue"]
    }
  },
  "GET /hubs/{hubId}/things/{thingId}/history": {
    "200": {
      "type": "object",
      "properties": {
        "history": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "position": {"type": "integer"},
              "kind": {"type": "string"},
              "at": {"type": "string"},
              "member": {
                "type": "object",
                "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}},
                "required": ["memberId", "displayName"],
                "nullable": true
              },
              "by": {
                "type": "object",
                "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}},
                "required": ["memberId", "displayName"]
              },
              "dueAt": {"type": "string", "nullable": true},
              "condition": {"type": "string", "nullable": true},
              "note": {"type": "string", "nullable": true},
              "deposit": {"type": "string", "nullable": true},
              "depositReturned": {"type": "boolean", "nullable": true},
              "hours": {"type": "string", "nullable": true}
            },
            "required": [
              "position",
              "kind",
              "at",
              "member",
              "by",
              "dueAt",
              "condition",
              "note",
              "deposit",
              "depositReturned",
              "hours"
            ]
          }
        },
        "next": {"type": "string", "nullable": true}
      },
      "required": ["history", "next"]
    }
  },
  "GET /hubs/{hubId}/things/{thingId}": {
    "200": {
      "type": "object",
      "properties": {
        "thingId": {"type": "string"},
        "name": {"type": "string"},
        "description": {"type": "string"},
        "category": {
          "type": "object",
          "properties": {"categoryId": {"type": "string"}, "name": {"type": "string"}},
          "required": ["categoryId", "name"],
          "nullable": true
        },
        "owner": {
          "type": "object",
          "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}},
          "required": ["memberId", "displayName"]
        },
        "loanDays": {"type": "integer"},
        "deposit": {"type": "string", "nullable": true},
        "hoursPerLoan": {"type": "string", "nullable": true},
        "status": {"type": "string"},
        "dueAt": {"type": "string", "nullable": true},
        "turn": {
          "type": "object",
          "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}, "until": {"type": "string"}},
          "required": ["memberId", "displayName", "until"],
          "nullable": true
        },
        "queue": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "memberId": {"type": "string"},
              "displayName": {"type": "string"},
              "holdId": {"type": "string"},
              "place": {"type": "integer"},
              "at": {"type": "string"}
            },
            "required": ["memberId", "displayName", "holdId", "place", "at"]
          }
        },
        "lastCondition": {"type": "string", "nullable": true},
        "position": {"type": "integer"}
      },
      "required": [
        "thingId",
        "name",
        "description",
        "category",
        "owner",
        "loanDays",
        "deposit",
        "hoursPerLoan",
        "status",
        "dueAt",
        "turn",
        "queue",
        "lastCondition",
        "position"
      ]
    }
  },
  "GET /hubs/{hubId}/things": {
    "200": {
      "type": "object",
      "properties": {
        "things": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "thingId": {"type": "string"},
              "name": {"type": "string"},
              "description": {"type": "string"},
              "category": {"type": "string", "nullable": true},
              "owner": {
                "type": "object",
                "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}},
                "required": ["memberId", "displayName"]
              },
              "loanDays": {"type": "integer"},
              "deposit": {"type": "string", "nullable": true},
              "hoursPerLoan": {"type": "string", "nullable": true},
              "status": {"type": "string"},
              "dueAt": {"type": "string", "nullable": true},
              "turn": {
                "type": "object",
                "properties": {"memberId": {"type": "string"}, "displayName": {"type": "string"}, "until": {"type": "string"}},
                "required": ["memberId", "displayName", "until"],
                "nullable": true
              },
              "queue": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "memberId": {"type": "string"},
                    "displayName": {"type": "string"},
                    "holdId": {"type": "string"},
                    "place": {"type": "integer"},
                    "at": {"type": "string"}
                  },
                  "required": ["memberId", "displayName", "holdId", "place", "at"]
                }
              },
              "lastCondition": {"type": "string", "nullable": true},
              "position": {"type": "integer"}
            },
            "required": [
              "thingId",
              "name",
              "description",
              "category",
              "owner",
              "loanDays",
              "deposit",
              "hoursPerLoan",
              "status",
              "dueAt",
              "turn",
              "queue",
              "lastCondition",
              "position"
            ]
          }
        },
        "next": {"type": "string", "nullable": true}
      },
      "required": ["things", "next"]
    }
  },
  "PATCH /hubs/{hubId}/things/{thingId}": {
    "200": {
      "type": "object",
      "properties": {"thingId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["thingId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/things/{thingId}/holds": {
    "201": {
      "type": "object",
      "properties": {
        "thingId": {"type": "string"},
        "status": {"type": "string"},
        "holdId": {"type": "string"},
        "place": {"type": "integer"},
        "position": {"type": "integer"},
        "dueAt": {"type": "string"}
      },
      "required": ["thingId", "status", "holdId", "place", "position"]
    }
  },
  "POST /hubs/{hubId}/things/{thingId}/loans": {
    "201": {
      "type": "object",
      "properties": {
        "thingId": {"type": "string"},
        "status": {"type": "string"},
        "dueAt": {"type": "string"},
        "loanId": {"type": "string"},
        "position": {"type": "integer"},
        "hours": {
          "type": "object",
          "properties": {"transferId": {"type": "string"}, "hours": {"type": "string"}, "paidTo": {"type": "string"}},
          "required": ["transferId", "hours", "paidTo"]
        }
      },
      "required": ["thingId", "status", "dueAt", "loanId", "position"]
    }
  },
  "POST /hubs/{hubId}/things/{thingId}/return": {
    "200": {
      "type": "object",
      "properties": {"thingId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["thingId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/things": {
    "201": {
      "type": "object",
      "properties": {"thingId": {"type": "string"}, "status": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["thingId", "status", "position"]
    }
  }
};
