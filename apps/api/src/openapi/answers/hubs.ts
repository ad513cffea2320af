import { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers of the hub, its members, their profiles, imports, categories and changes to officers, by operation and status. */
export const HUB_ANSWERS: Readonly<Record<string, Readonly<Record<number, SchemaObject | ReferenceObject>>>> = {
  "GET /hubs/{hubId}/categories": {
    "200": {
      "type": "object",
      "properties": {
        "categories": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"categoryId": {"type": "string"}, "name": {"type": "string"}, "retired": {"type": "boolean"}},
            "required": ["categoryId", "name", "retired"]
          }
        }
      },
      "required": ["categories"]
    }
  },
  "GET /hubs/{hubId}/member-changes": {
    "200": {
      "type": "object",
      "properties": {
        "changes": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "changeId": {"type": "string"},
              "memberId": {"type": "string"},
              "displayName": {"type": "string"},
              "change": {
                "type": "object",
                "properties": {"kind": {"type": "string"}, "officerRoles": {"type": "array", "items": {"type": "string"}}},
                "required": ["kind", "officerRoles"]
              },
              "proposedBy": {"type": "string"},
              "proposedByName": {"type": "string"},
              "proposedAt": {"type": "string"}
            },
            "required": ["changeId", "memberId", "displayName", "change", "proposedBy", "proposedByName", "proposedAt"]
          }
        }
      },
      "required": ["changes"]
    }
  },
  "GET /hubs/{hubId}/members": {
    "200": {
      "type": "object",
      "properties": {
        "members": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "memberId": {"type": "string"},
              "displayName": {"type": "string"},
              "roles": {"type": "array", "items": {"type": "string"}},
              "offers": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {"listingId": {"type": "string"}, "title": {"type": "string"}},
                  "required": ["listingId", "title"]
                }
              },
              "needs": {"type": "array", "items": {}},
              "contact": {"type": "string"},
              "about": {"type": "string"},
              "hours": {"type": "object", "properties": {"balance": {"type": "string"}}, "required": ["balance"]}
            },
            "required": ["memberId", "displayName", "roles", "offers", "needs"]
          }
        },
        "next": {"type": "string", "nullable": true}
      },
      "required": ["members", "next"]
    }
  },
  "GET /hubs/{hubId}/me": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {"type": "string"},
        "displayName": {"type": "string"},
        "roles": {"type": "array", "items": {"type": "string"}}
      },
      "required": ["memberId", "displayName", "roles"],
      "nullable": true
    }
  },
  "GET /hubs/{hubId}": {
    "200": {
      "type": "object",
      "properties": {
        "hubId": {"type": "string"},
        "name": {"type": "string"},
        "currency": {"type": "string"},
        "currencyPlaces": {"type": "integer"},
        "createdAt": {"type": "string"},
        "timeBank": {
          "type": "object",
          "properties": {
            "defaultCreditLimit": {"type": "string"},
            "maxBalance": {"type": "string", "nullable": true},
            "hubAccountLimit": {"type": "string"},
            "warnAt": {"type": "string", "nullable": true},
            "requestAutoAcceptDays": {"type": "string", "nullable": true}
          },
          "required": ["defaultCreditLimit", "maxBalance", "hubAccountLimit", "warnAt", "requestAutoAcceptDays"]
        },
        "pool": {
          "type": "object",
          "properties": {"approvalQuorum": {"type": "integer"}, "reserveRatio": {"type": "string"}},
          "required": ["approvalQuorum", "reserveRatio"]
        },
        "aid": {
          "type": "object",
          "properties": {"perMemberPerMonth": {"type": "string", "nullable": true}},
          "required": ["perMemberPerMonth"]
        },
        "listingDays": {"type": "integer"},
        "members": {"type": "integer"}
      },
      "required": ["hubId", "name", "currency", "currencyPlaces", "createdAt", "timeBank", "pool", "aid", "listingDays", "members"]
    }
  },
  "PATCH /hubs/{hubId}/members/{memberId}/profile": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {"type": "string"},
        "displayName": {"type": "string"},
        "about": {"type": "string"},
        "contact": {"type": "string", "nullable": true},
        "showBalance": {"type": "boolean"},
        "position": {"type": "integer"}
      },
      "required": ["memberId", "displayName", "about", "contact", "showBalance", "position"]
    }
  },
  "PATCH /hubs/{hubId}/members/{memberId}": {
    "200": {
      "type": "object",
      "properties": {
        "memberId": {"type": "string"},
        "displayName": {"type": "string"},
        "roles": {"type": "array", "items": {"type": "string"}},
        "creditLimit": {"type": "string", "nullable": true},
        "status": {"type": "string"},
        "assisted": {"type": "boolean"},
        "position": {"type": "integer"}
      },
      "required": ["memberId", "displayName", "roles", "creditLimit", "status", "assisted", "position"]
    },
    "202": {
      "type": "object",
      "properties": {
        "changeId": {"type": "string"},
        "status": {"type": "string"},
        "member": {
          "type": "object",
          "properties": {
            "memberId": {"type": "string"},
            "displayName": {"type": "string"},
            "roles": {"type": "array", "items": {"type": "string"}},
            "creditLimit": {"type": "string", "nullable": true},
            "status": {"type": "string"},
            "assisted": {"type": "boolean"}
          },
          "required": ["memberId", "displayName", "roles", "creditLimit", "status", "assisted"]
        },
        "position": {"type": "integer"}
      },
      "required": ["changeId", "status", "member", "position"]
    }
  },
  "PATCH /hubs/{hubId}": {
    "200": {
      "type": "object",
      "properties": {
        "aidPerMemberPerMonth": {"type": "string", "nullable": true},
        "listingDays": {"type": "integer"},
        "timeBank": {
          "type": "object",
          "properties": {
            "warnAt": {"type": "string", "nullable": true},
            "requestAutoAcceptDays": {"type": "string", "nullable": true}
          },
          "required": ["warnAt", "requestAutoAcceptDays"]
        },
        "position": {"type": "integer"}
      },
      "required": ["aidPerMemberPerMonth", "listingDays", "timeBank", "position"]
    }
  },
  "POST /hubs/{hubId}/imports": {
    "200": {
      "type": "object",
      "properties": {
        "importId": {"type": "string"},
        "hubId": {"type": "string"},
        "members": {"type": "integer"},
        "balances": {"type": "integer"},
        "dryRun": {"type": "boolean"},
        "alreadyImported": {"type": "boolean"},
        "position": {"type": "integer"}
      },
      "required": ["importId", "hubId", "members", "balances", "dryRun", "alreadyImported", "position"]
    },
    "201": {
      "type": "object",
      "properties": {
        "importId": {"type": "string"},
        "hubId": {"type": "string"},
        "members": {"type": "integer"},
        "balances": {"type": "integer"},
        "dryRun": {"type": "boolean"},
        "alreadyImported": {"type": "boolean"},
        "tokens": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"memberId": {"type": "string"}, "token": {"type": "string"}},
            "required": ["memberId", "token"]
          }
        },
        "position": {"type": "integer"}
      },
      "required": ["importId", "hubId", "members", "balances", "dryRun", "alreadyImported", "position"]
    }
  },
  "POST /hubs/{hubId}/member-changes/{changeId}/confirmation": {
    "201": {
      "type": "object",
      "properties": {
        "changeId": {"type": "string"},
        "memberId": {"type": "string"},
        "status": {"type": "string"},
        "roles": {"type": "array", "items": {"type": "string"}},
        "position": {"type": "integer"},
        "token": {"type": "string"}
      },
      "required": ["changeId", "memberId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/member-changes/{changeId}/rejection": {
    "201": {
      "type": "object",
      "properties": {
        "changeId": {"type": "string"},
        "memberId": {"type": "string"},
        "status": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["changeId", "memberId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/members/{memberId}/token": {
    "201": {
      "type": "object",
      "properties": {"memberId": {"type": "string"}, "token": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["memberId", "token", "position"]
    },
    "202": {
      "type": "object",
      "properties": {
        "memberId": {"type": "string"},
        "changeId": {"type": "string"},
        "status": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["memberId", "changeId", "status", "position"]
    }
  },
  "POST /hubs/{hubId}/members": {
    "201": {
      "type": "object",
      "properties": {"memberId": {"type": "string"}, "token": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["memberId", "token", "position"]
    },
    "202": {
      "type": "object",
      "properties": {
        "memberId": {"type": "string"},
        "changeId": {"type": "string"},
        "status": {"type": "string"},
        "token": {"type": "string"},
        "position": {"type": "integer"}
      },
      "required": ["memberId", "changeId", "status", "token", "position"]
    }
  },
  "POST /hubs": {
    "201": {
      "type": "object",
      "properties": {"hubId": {"type": "string"}, "position": {"type": "integer"}},
      "required": ["hubId", "position"]
    }
  },
  "PUT /hubs/{hubId}/categories": {
    "200": {
      "type": "object",
      "properties": {
        "categories": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"categoryId": {"type": "string"}, "name": {"type": "string"}, "retired": {"type": "boolean"}},
            "required": ["categoryId", "name", "retired"]
          }
        },
        "position": {"type": "integer"}
      },
      "required": ["categories", "position"]
    }
  }
};
