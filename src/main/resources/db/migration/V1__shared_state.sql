-- Everything replicas share (issue 18). The knowledge base's index is not here: each replica builds its own from
-- these tables and its KB_DIR, and answers from it without asking the database.

-- The manifest's revision: one row, moved on by every commit with compare-and-set.
CREATE TABLE manifest_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint  NOT NULL
);
INSERT INTO manifest_head (revision) VALUES (0);

-- Every document id an admin has touched: which version is current, and whether it is deleted.
CREATE TABLE documents (
    id              text    PRIMARY KEY,
    current_version integer NOT NULL,
    deleted         boolean NOT NULL
);

-- Every version of every document, fixed once committed (content by hash, and the metadata it was served with).
CREATE TABLE document_versions (
    document_id  text        NOT NULL REFERENCES documents (id),
    number       integer     NOT NULL,
    hash         text        NOT NULL,
    content_type text        NOT NULL,
    metadata     jsonb       NOT NULL,
    bundled      boolean     NOT NULL,
    made_at      timestamptz NOT NULL,
    made_by      text        NOT NULL,
    revision     bigint      NOT NULL,
    PRIMARY KEY (document_id, number)
);

-- Uploaded originals under their document id and content hash, written before the commit that references them.
CREATE TABLE originals (
    document_id text        NOT NULL,
    hash        text        NOT NULL,
    content     bytea       NOT NULL,
    size        bigint      NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, hash)
);

-- One row per committed change, written in the commit's transaction (revision 0: entries from before revisions).
CREATE TABLE history (
    seq         bigserial   PRIMARY KEY,
    revision    bigint      NOT NULL,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    document_id text        NOT NULL,
    old_hash    text        NOT NULL,
    new_hash    text        NOT NULL,
    version     integer     NOT NULL
);

-- Ratings and unanswered questions; a vote key keeps one row per user and answer (the latest vote).
CREATE TABLE feedback (
    seq         bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    kind        text        NOT NULL,
    question    text        NOT NULL,
    channel     text        NOT NULL,
    user_hash   text        NOT NULL,
    passage_ids text[]      NOT NULL,
    vote_key    text        UNIQUE
);

-- Installation-wide values: the salt of user-id hashes, the same on every replica.
CREATE TABLE settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);

-- Chat state shared by replicas (bhr.assistant.chat): webhook deliveries already taken, questions per user in the
-- last minute, the answers buttons refer to, and votes on them.
CREATE TABLE chat_deliveries (
    delivery_id text        PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_deliveries_at ON chat_deliveries (at);

CREATE TABLE chat_quota (
    user_key text        PRIMARY KEY,
    times    bigint[]    NOT NULL,
    last_at  timestamptz NOT NULL
);

CREATE TABLE chat_answers (
    answer_key text        PRIMARY KEY,
    answer     text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_answers_at ON chat_answers (at);

CREATE TABLE chat_votes (
    channel    text        NOT NULL,
    answer_key text        NOT NULL,
    user_hash  text        NOT NULL,
    helpful    boolean     NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, answer_key, user_hash)
);
CREATE INDEX chat_votes_answer ON chat_votes (channel, answer_key);
