"""What every web entrance shares: headers, cookies, rate limits, error pages, form base,
template helpers, network address and QR codes.
"""
