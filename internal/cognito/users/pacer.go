package users

import (
	"context"
	"sync"
	"time"
)

// Pacer is a token bucket that spaces out requests so that cogwiz stays
// under a Cognito request-rate quota instead of leaning on throttling
// retries. It is safe for concurrent use.
// https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
type Pacer struct {
	mu       sync.Mutex
	interval time.Duration
	burst    float64
	tokens   float64
	last     time.Time
	now      func() time.Time
}

// ListUsersPerSecond stays below the UserList category quota (30 requests
// per second per account, shared by every pool and every caller).
const ListUsersPerSecond = 25

// NewPacer allows perSecond requests per second with bursts of burst.
// A perSecond of 0 or less means no pacing.
func NewPacer(perSecond float64, burst int) *Pacer {
	if perSecond <= 0 {
		return &Pacer{}
	}
	if burst < 1 {
		burst = 1
	}
	return &Pacer{
		interval: time.Duration(float64(time.Second) / perSecond),
		burst:    float64(burst),
		tokens:   float64(burst),
		now:      time.Now,
	}
}

// Wait blocks until a request may be sent, or ctx ends.
func (p *Pacer) Wait(ctx context.Context) error {
	if p == nil || p.interval == 0 {
		return ctx.Err()
	}
	p.mu.Lock()
	now := p.now()
	if !p.last.IsZero() {
		p.tokens += float64(now.Sub(p.last)) / float64(p.interval)
		if p.tokens > p.burst {
			p.tokens = p.burst
		}
	}
	p.last = now
	p.tokens--
	var wait time.Duration
	if p.tokens < 0 {
		wait = time.Duration(-p.tokens * float64(p.interval))
	}
	p.mu.Unlock()
	if wait <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
