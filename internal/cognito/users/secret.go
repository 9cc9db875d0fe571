package users

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// SecretHash is the SECRET_HASH an app client with a secret must send:
// base64(HMAC-SHA256(key = client secret, username + client id)). The
// secret stays in memory; it is never printed or stored.
// https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
func SecretHash(clientSecret, username, clientID string) string {
	m := hmac.New(sha256.New, []byte(clientSecret))
	m.Write([]byte(username + clientID))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}
