// Package srp is the client side of the Secure Remote Password protocol
// (SRP-6a) exactly as Amazon Cognito runs it for USER_SRP_AUTH: the
// 3072-bit group of RFC 5054, SHA-256, Cognito's hex padding, and an HKDF
// step ("Caldera Derived Key") that turns the shared secret into the key
// that signs the PASSWORD_VERIFIER challenge. The password never leaves
// the process; only A and the signature are sent.
//
// The formulas follow AuthenticationHelper in AWS's amazon-cognito-identity-js.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
package srp

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"sync"
	"time"
)

// nHex is the 3072-bit safe prime of RFC 5054 appendix A (also RFC 3526
// group 15); the generator is 2.
const nHex = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1" +
	"29024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
	"EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245" +
	"E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
	"EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D" +
	"C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
	"83655D23DCA3AD961C62F356208552BB9ED529077096966D" +
	"670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
	"E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9" +
	"DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
	"15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64" +
	"ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
	"ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B" +
	"F12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
	"BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31" +
	"43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF"

// Group is the SRP group: N the prime modulus, G the generator and K
// SRP-6a's multiplier, H(PAD(N) | PAD(g)).
type Group struct{ N, G, K *big.Int }

// TheGroup returns Cognito's group. It is worked out on first use rather
// than when the program starts, so commands that never sign in do not
// pay for parsing a 3072-bit number.
var TheGroup = sync.OnceValue(func() Group {
	n, _ := new(big.Int).SetString(nHex, 16)
	g := big.NewInt(2)
	return Group{N: n, G: g, K: HexHash(PadHex(n) + PadHex(g))}
})

// infoBits is the HKDF info string Cognito uses.
const infoBits = "Caldera Derived Key"

// PadHex renders n as Cognito does: an even number of hex digits, and a
// leading 00 when the first digit would set the high bit (so that the
// bytes read as a positive number).
func PadHex(n *big.Int) string {
	h := n.Text(16)
	if len(h)%2 == 1 {
		h = "0" + h
	}
	if strings.ContainsRune("89abcdef", rune(h[0])) {
		h = "00" + h
	}
	return h
}

// HexHash is SHA-256 over the bytes that hexStr spells, as a number.
func HexHash(hexStr string) *big.Int {
	b, err := hex.DecodeString(hexStr)
	if err != nil {
		panic(fmt.Sprintf("srp: bad hex %q", hexStr)) // callers only pass PadHex output
	}
	sum := sha256.Sum256(b)
	return new(big.Int).SetBytes(sum[:])
}

// hashString is SHA-256 over s, as 64 hex digits.
func hashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// U is the scrambling parameter H(PAD(A) | PAD(B)).
func U(A, B *big.Int) *big.Int { return HexHash(PadHex(A) + PadHex(B)) }

// X is the private key H(PAD(salt) | H(poolName | userID | ":" | password)),
// where poolName is the part of the pool id after the underscore.
func X(salt *big.Int, poolName, userID, password string) *big.Int {
	return HexHash(PadHex(salt) + hashString(poolName+userID+":"+password))
}

// HKDF derives the 16-byte key from the shared secret S and salt u:
// one round of RFC 5869 with SHA-256 and Cognito's info string.
func HKDF(S, u *big.Int) []byte {
	ikm, _ := hex.DecodeString(PadHex(S))
	salt, _ := hex.DecodeString(PadHex(u))
	ext := hmac.New(sha256.New, salt)
	ext.Write(ikm)
	prk := ext.Sum(nil)
	exp := hmac.New(sha256.New, prk)
	exp.Write([]byte(infoBits))
	exp.Write([]byte{1})
	return exp.Sum(nil)[:16]
}

// Client is one SRP sign-in attempt.
type Client struct {
	// PoolID is the full pool id, e.g. us-east-1_AbCdEf123.
	PoolID string
	a      *big.Int
	A      *big.Int
}

// NewClient picks a random private a from rnd (crypto/rand when nil).
func NewClient(poolID string, rnd io.Reader) (*Client, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	buf := make([]byte, 128)
	if _, err := io.ReadFull(rnd, buf); err != nil {
		return nil, fmt.Errorf("srp: random: %w", err)
	}
	return NewClientWithSecret(poolID, new(big.Int).Mod(new(big.Int).SetBytes(buf), TheGroup().N))
}

// NewClientWithSecret uses a as the private value (tests use fixed vectors).
func NewClientWithSecret(poolID string, a *big.Int) (*Client, error) {
	A := new(big.Int).Exp(TheGroup().G, a, TheGroup().N)
	if A.Sign() == 0 {
		return nil, errors.New("srp: A mod N is zero")
	}
	return &Client{PoolID: poolID, a: a, A: A}, nil
}

// SRPA is the SRP_A parameter of InitiateAuth.
func (c *Client) SRPA() string { return c.A.Text(16) }

// poolName is the pool id after the region prefix.
func (c *Client) poolName() string {
	if i := strings.IndexByte(c.PoolID, '_'); i >= 0 {
		return c.PoolID[i+1:]
	}
	return c.PoolID
}

// Key computes the 16-byte password authentication key from the server's
// challenge: B and salt in hex, the USER_ID_FOR_SRP, and the password.
func (c *Client) Key(userID, password, bHex, saltHex string) ([]byte, error) {
	B, ok := new(big.Int).SetString(bHex, 16)
	if !ok {
		return nil, fmt.Errorf("srp: SRP_B is not hex")
	}
	if new(big.Int).Mod(B, TheGroup().N).Sign() == 0 {
		return nil, errors.New("srp: SRP_B mod N is zero")
	}
	salt, ok := new(big.Int).SetString(saltHex, 16)
	if !ok {
		return nil, fmt.Errorf("srp: SALT is not hex")
	}
	u := U(c.A, B)
	if u.Sign() == 0 {
		return nil, errors.New("srp: u is zero")
	}
	x := X(salt, c.poolName(), userID, password)
	// S = (B - k·g^x)^(a + u·x) mod N
	gx := new(big.Int).Exp(TheGroup().G, x, TheGroup().N)
	base := new(big.Int).Sub(B, new(big.Int).Mul(TheGroup().K, gx))
	base.Mod(base, TheGroup().N)
	exp := new(big.Int).Add(c.a, new(big.Int).Mul(u, x))
	S := new(big.Int).Exp(base, exp, TheGroup().N)
	return HKDF(S, u), nil
}

// TimestampLayout is the TIMESTAMP format Cognito expects: UTC, day of
// month without padding ("Tue Mar 3 09:05:07 UTC 2026").
const TimestampLayout = "Mon Jan 2 15:04:05 UTC 2006"

// Timestamp formats t for the TIMESTAMP challenge response.
func Timestamp(t time.Time) string { return t.UTC().Format(TimestampLayout) }

// Signature is PASSWORD_CLAIM_SIGNATURE: base64 HMAC-SHA256 under key of
// poolName | userID | SECRET_BLOCK (decoded) | timestamp.
func Signature(key []byte, poolID, userID, secretBlock, timestamp string) (string, error) {
	block, err := base64.StdEncoding.DecodeString(secretBlock)
	if err != nil {
		return "", fmt.Errorf("srp: SECRET_BLOCK is not base64: %w", err)
	}
	name := poolID
	if i := strings.IndexByte(poolID, '_'); i >= 0 {
		name = poolID[i+1:]
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(name))
	m.Write([]byte(userID))
	m.Write(block)
	m.Write([]byte(timestamp))
	return base64.StdEncoding.EncodeToString(m.Sum(nil)), nil
}
