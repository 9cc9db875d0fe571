package srp

import (
	"crypto/hmac"
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// Server is the verifier side of one SRP exchange, as Cognito runs it. It
// exists so that test fakes can answer USER_SRP_AUTH where no emulator
// does, checking a client's proof with the server's equation rather than
// the client's own.
type Server struct {
	poolID string
	userID string
	salt   *big.Int
	v      *big.Int
	b      *big.Int
	B      *big.Int
}

// NewServer registers password for userID (verifier v = g^x) and picks a
// random b; rnd is crypto/rand when nil.
func NewServer(poolID, userID, password string, rnd io.Reader) (*Server, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	buf := make([]byte, 16+128)
	if _, err := io.ReadFull(rnd, buf); err != nil {
		return nil, fmt.Errorf("srp: random: %w", err)
	}
	salt := new(big.Int).SetBytes(buf[:16])
	b := new(big.Int).Mod(new(big.Int).SetBytes(buf[16:]), TheGroup().N)
	name := poolID
	if i := strings.IndexByte(poolID, '_'); i >= 0 {
		name = poolID[i+1:]
	}
	v := new(big.Int).Exp(TheGroup().G, X(salt, name, userID, password), TheGroup().N)
	// B = (k·v + g^b) mod N
	B := new(big.Int).Mul(TheGroup().K, v)
	B.Add(B, new(big.Int).Exp(TheGroup().G, b, TheGroup().N))
	B.Mod(B, TheGroup().N)
	return &Server{poolID: poolID, userID: userID, salt: salt, v: v, b: b, B: B}, nil
}

// SRPB is the SRP_B challenge parameter.
func (s *Server) SRPB() string { return s.B.Text(16) }

// SaltHex is the SALT challenge parameter.
func (s *Server) SaltHex() string { return s.salt.Text(16) }

// Verify checks PASSWORD_CLAIM_SIGNATURE for the client's SRP_A.
func (s *Server) Verify(aHex, secretBlock, timestamp, signature string) (bool, error) {
	A, ok := new(big.Int).SetString(aHex, 16)
	if !ok || new(big.Int).Mod(A, TheGroup().N).Sign() == 0 {
		return false, fmt.Errorf("srp: invalid SRP_A")
	}
	u := U(A, s.B)
	// S = (A·v^u)^b mod N
	base := new(big.Int).Mul(A, new(big.Int).Exp(s.v, u, TheGroup().N))
	S := new(big.Int).Exp(base.Mod(base, TheGroup().N), s.b, TheGroup().N)
	want, err := Signature(HKDF(S, u), s.poolID, s.userID, secretBlock, timestamp)
	if err != nil {
		return false, err
	}
	return hmac.Equal([]byte(want), []byte(signature)), nil
}
