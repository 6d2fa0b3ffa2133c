# Dead and wounded together: "killed or injured", "casualties".
\b(?:dead|killed)\s+(?:and|or)\s+(?:wounded|injured)
casualties\b
